import { useEffect } from 'react'
import { Router } from 'wouter'
import { useHashLocation } from 'wouter/use-hash-location'
import { connectLive } from '../store/live.js'
import { useTrove } from '../store/index.js'
import { ErrorToasts } from './ErrorToasts.js'
import { LibraryScreen } from './LibraryScreen.js'
import { NoticeScreen } from './NoticeScreen.js'
import { SignInScreen } from './SignInScreen.js'

export function App() {
  const status = useTrove((s) => s.status)
  useEffect(() => {
    void useTrove.getState().loadSession()
    return connectLive()
  }, [])

  switch (status) {
    case 'loading':
      return <NoticeScreen title="Opening the library…" busy />
    case 'disconnected':
      return (
        <NoticeScreen title="This window is not connected to Trove">
          <p>Open the link that <code>npm run web</code> printed in the terminal when it started. It connects this browser to the library.</p>
        </NoticeScreen>
      )
    case 'signedOut':
      return <SignInScreen />
    case 'failed':
      return (
        <>
          <NoticeScreen title="Trove could not open the library">
            <p>The reason is shown below. Reload the page to try again.</p>
          </NoticeScreen>
          <ErrorToasts />
        </>
      )
    case 'ready':
      // The same hash routes in the desktop app and in a browser (docs/browse.md).
      return (
        <Router hook={useHashLocation}>
          <LibraryScreen />
        </Router>
      )
  }
}
