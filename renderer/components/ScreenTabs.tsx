import { useTrove } from '../store/index.js'

/** Library, Administration and Activity; the last two exist only for an admin acting as themselves. */
export function ScreenTabs() {
  const isAdmin = useTrove((s) => !!s.session?.isAdmin)
  const screen = useTrove((s) => s.screen)
  const showScreen = useTrove((s) => s.showScreen)
  if (!isAdmin) return null
  return (
    <nav className="screen-tabs" aria-label="Screens">
      <button type="button" className="screen-tab" aria-current={screen === 'library' ? 'page' : undefined} onClick={() => showScreen('library')}>
        Library
      </button>
      <button type="button" className="screen-tab" aria-current={screen === 'admin' ? 'page' : undefined} onClick={() => showScreen('admin')}>
        Administration
      </button>
      <button type="button" className="screen-tab" aria-current={screen === 'activity' ? 'page' : undefined} onClick={() => showScreen('activity')}>
        Activity
      </button>
    </nav>
  )
}
