import { useId } from 'react';
import type { Category, Statement } from '@/lib/core/schema';
import { categoryRank, policyTextAttributes, sectionPath } from './format';
import { useWords } from './words';
import { WordsAround } from './WordsAround';

/** Sharing and AI training are what readers look for first; they always get a place and more quotes. */
const KEY: Category[] = ['third-party-sharing', 'ai-training'];
const QUOTES_KEY = 3;
const QUOTES_OTHER = 1;
const POLARITIES: Statement['polarity'][] = ['states', 'restricts'];

/** First visit: what the policy says now, sharing and AI training first, each claim with its sentences. */
export function StatementsCard({
  statements,
  language,
  first = true,
}: {
  statements: readonly Statement[];
  /** The language of the policy text it quotes (PolicyDocument.language). */
  language: string;
  /** The policy's first version (else: a later one with no comparison to show). */
  first?: boolean;
}) {
  const headingId = useId();
  const words = useWords();
  const { ui } = words;
  const quoted = policyTextAttributes(language);
  const nothing: Partial<Record<Category, string>> = {
    'third-party-sharing': ui.statements.nothingOnSharing,
    'ai-training': ui.statements.nothingOnAi,
  };
  const byCategory = new Map<Category, Statement[]>();
  for (const s of statements) byCategory.set(s.category, [...(byCategory.get(s.category) ?? []), s]);
  const others = [...byCategory.keys()].filter((c) => !KEY.includes(c)).sort((a, b) => categoryRank(a) - categoryRank(b));
  return (
    <section className="card statements" aria-labelledby={headingId}>
      <h3 id={headingId}>{ui.statements.heading}</h3>
      <p className="muted small">{first ? ui.statements.firstVersion : ui.statements.notCompared}</p>
      {[...KEY, ...others].map((category) => {
        const list = byCategory.get(category) ?? [];
        const max = KEY.includes(category) ? QUOTES_KEY : QUOTES_OTHER;
        return (
          <div key={category}>
            <h4>{words.category(category)}</h4>
            {list.length === 0 && <p className="note">{nothing[category] ?? ui.statements.nothingFound}</p>}
            {POLARITIES.map((polarity) => {
              const claims = list.filter((s) => s.polarity === polarity);
              if (claims.length === 0) return null;
              return (
                <div key={polarity} className={`claim polarity-${polarity}`}>
                  <p className="statement-wording">{words.statement(category, polarity)}</p>
                  <ul>
                    {claims.slice(0, max).map((s, i) => {
                      const section = sectionPath(s.section);
                      return (
                        <li key={i}>
                          <blockquote className="evidence" {...quoted}>
                            <p>{s.sentence}</p>
                          </blockquote>
                          {section && (
                            <p className="section-path">
                              <WordsAround words={ui.analysis.section} policyText={section} language={language} />
                            </p>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                  {claims.length > max && <p className="muted small">{ui.statements.moreLikeThis(claims.length - max)}</p>}
                </div>
              );
            })}
          </div>
        );
      })}
    </section>
  );
}
