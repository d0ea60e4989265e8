/**
 * The reader's language for every component: the entry point provides an explainer for the browser's
 * UI language (browser.i18n.getUILanguage()); components read it with useWords(). No browser API here,
 * so a component renders the same in a test with any language.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { explainer, type Explainer } from '@/lib/core/explain';

const WordsContext = createContext<Explainer>(explainer('en'));

export function WordsProvider({ locale, children }: { locale: string | undefined; children: ReactNode }) {
  return <WordsContext.Provider value={explainer(locale)}>{children}</WordsContext.Provider>;
}

export function useWords(): Explainer {
  return useContext(WordsContext);
}
