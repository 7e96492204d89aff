import { LogoMark } from './icons.js'
import { UserSwitcher } from './UserSwitcher.js'

/** The app's top bar; search and downloads take their places between the name and the user. */
export function TopBar() {
  return (
    <header className="topbar">
      <div className="brand">
        <LogoMark size={22} />
        <span className="brand-name">Trove</span>
      </div>
      <div className="topbar-middle" />
      <UserSwitcher />
    </header>
  )
}
