import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import { App } from '@/pages/popup/App';
import { WordsProvider } from '@/components/words';
import { languageOf } from '@/lib/core/explain';

// The browser's UI language picks the words; the page says which it is, so screen readers read it right.
const locale = browser.i18n.getUILanguage();
document.documentElement.lang = languageOf(locale);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <WordsProvider locale={locale}>
      <App />
    </WordsProvider>
  </StrictMode>,
);
