import { policyTextAttributes } from './format';

/** Stands where the policy's own text goes in our words, to find where they put it. */
const SLOT = '\u0000';

/**
 * Our words around the policy's own (a section's headings in "Section: …"): only the policy's carry its
 * language, so a screen reader reads "Section:" in the reader's and "Weitergabe an Dritte" in the policy's.
 * The words say where the policy's text goes, in each language's order.
 */
export function WordsAround({ words, policyText, language }: { words: (text: string) => string; policyText: string; language: string }) {
  const parts = words(SLOT).split(SLOT);
  if (parts.length !== 2) return <>{words(policyText)}</>;
  return (
    <>
      {parts[0]}
      <span {...policyTextAttributes(language)}>{policyText}</span>
      {parts[1]}
    </>
  );
}
