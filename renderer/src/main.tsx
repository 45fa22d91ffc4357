import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { ApiProvider } from './api/ApiContext.js';
import { createApiClient } from './api/createApiClient.js';
import { App } from './app/App.js';
import { NoToken } from './app/NoToken.js';
import { setupI18n } from './i18n/index.js';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/pages.css';
import './styles/forwarding.css';
import './styles/alerts.css';
import './styles/setup.css';

const i18n = setupI18n();
const client = createApiClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      {client.api ? (
        <ApiProvider api={client.api}>
          <App />
        </ApiProvider>
      ) : (
        <NoToken />
      )}
    </I18nextProvider>
  </StrictMode>,
);
