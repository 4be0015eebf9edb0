import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApolloProvider } from '@apollo/client/react';
import { BrowserRouter } from 'react-router';
import { createClient } from './apollo';
import { App } from './App';
import { i18nReady } from './i18n';
import { preloads } from './preload';
import './styles.css';

const client = createClient();
// The page's data is asked for now, while React renders the app for the first time (and a dashboard's code comes).
preloads.startPage(client, window.location);

// In the reader's language from the first paint (French comes in a chunk of its own).
void i18nReady.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ApolloProvider client={client}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </ApolloProvider>
    </StrictMode>,
  ),
);
