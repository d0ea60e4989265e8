import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import { App } from './App';
import { WordsProvider } from '@/components/words';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <WordsProvider locale={browser.i18n.getUILanguage()}>
      <App />
    </WordsProvider>
  </StrictMode>,
);
