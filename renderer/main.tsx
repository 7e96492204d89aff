import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './components/App.js'
import './styles/base.css'
import './styles/layout.css'
import './styles/tree.css'
import './styles/grid.css'
import './styles/overlays.css'
import './styles/topbar.css'
import './styles/list.css'
import './styles/menu.css'
import './styles/details.css'
import './styles/forms.css'
import './styles/admin.css'
import './styles/collections.css'
import './styles/sharing.css'
import './styles/search.css'
import './styles/viewer.css'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
