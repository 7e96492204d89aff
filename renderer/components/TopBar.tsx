import { DownloadsButton } from './DownloadsButton.js'
import { LogoMark } from './icons.js'
import { ScreenTabs } from './ScreenTabs.js'
import { SearchBox } from './SearchBox.js'
import { UserSwitcher } from './UserSwitcher.js'

/** Who acts, where to search, and the long work under way. */
export function TopBar() {
  return (
    <header className="topbar">
      <div className="brand">
        <LogoMark size={22} />
        <span className="brand-name">Trove</span>
      </div>
      <ScreenTabs />
      <div className="topbar-middle">
        <SearchBox />
      </div>
      <DownloadsButton />
      <UserSwitcher />
    </header>
  )
}
