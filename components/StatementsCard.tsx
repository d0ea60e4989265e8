import { useId } from 'react';
import type { Category, Statement } from '@/lib/schema';
import { categoryRank, sectionPath } from './format';
import { useWords } from './words';

/** Sharing and AI training are what readers look for first; they always get a place and more quotes. */
const KEY: Category[] = ['third-party-sharing', 'ai-training'];
const QUOTES_KEY = 3;
const QUOTES_OTHER = 1;
const NOTHING: Partial<Record<Category, string>> = {
  'third-party-sharing': 'It says nothing Clausewatch recognised about sharing your data with others.',
  'ai-training': 'It says nothing about training AI on your data.',
};
const POLARITIES: Statement['polarity'][] = ['states', 'restricts'];

/** First visit: what the policy says now, sharing and AI training first, each claim with its sentences. */
export function StatementsCard({ statements }: { statements: readonly Statement[] }) {
  const headingId = useId();
  const words = useWords();
  const byCategory = new Map<Category, Statement[]>();
  for (const s of statements) byCategory.set(s.category, [...(byCategory.get(s.category) ?? []), s]);
  const others = [...byCategory.keys()].filter((c) => !KEY.includes(c)).sort((a, b) => categoryRank(a) - categoryRank(b));
  return (
    <section className="card statements" aria-labelledby={headingId}>
      <h3 id={headingId}>What this policy says now</h3>
      <p className="muted small">
        This is the first version Clausewatch has seen. From now on it will tell you what changes.
      </p>
      {[...KEY, ...others].map((category) => {
        const list = byCategory.get(category) ?? [];
        const max = KEY.includes(category) ? QUOTES_KEY : QUOTES_OTHER;
        return (
          <div key={category}>
            <h4>{words.category(category)}</h4>
            {list.length === 0 && <p className="note">{NOTHING[category] ?? 'Nothing found about this.'}</p>}
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
                          <blockquote className="evidence">
                            <p>{s.sentence}</p>
                          </blockquote>
                          {section && <p className="section-path">Section: {section}</p>}
                        </li>
                      );
                    })}
                  </ul>
                  {claims.length > max && (
                    <p className="muted small">and {claims.length - max} more like this</p>
                  )}
                </div>
              );
            })}
          </div>
        );
      })}
    </section>
  );
}
