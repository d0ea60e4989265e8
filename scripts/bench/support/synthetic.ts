/** Deterministic policy-like text for the benches. */
// A deterministic policy-like text: sentences built from privacy vocabulary, paragraphs under headings.
export function syntheticPolicy(words: number, seed: number): string {
  const subjects = ['We', 'Our service providers', 'Our affiliates', 'You', 'The company', 'Partners'];
  const verbs = ['collect', 'use', 'store', 'process', 'review', 'protect', 'update', 'delete', 'access', 'analyse'];
  const objects = ['your account details', 'usage information', 'device identifiers', 'support requests', 'billing records', 'preferences', 'log files', 'messages', 'survey answers', 'crash reports'];
  const tails = ['to provide the service', 'for security purposes', 'as described in this policy', 'when required by law', 'to improve features', 'for as long as needed', 'in line with your settings', 'to answer questions'];
  let x = seed >>> 0 || 1;
  const rnd = (n: number) => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x % n;
  };
  const pick = <T>(xs: T[]): T => xs[rnd(xs.length)] as T;
  const out: string[] = [];
  let count = 0;
  let para: string[] = [];
  let section = 0;
  while (count < words) {
    const s = `${pick(subjects)} ${pick(verbs)} ${pick(objects)} ${pick(tails)} (${seed}-${rnd(100000)}).`;
    count += s.split(' ').length;
    para.push(s);
    if (para.length >= 4) {
      out.push(para.join(' '));
      para = [];
      if (rnd(6) === 0) out.push(`## Section ${++section}`);
    }
  }
  if (para.length) out.push(para.join(' '));
  return out.join('\n\n');
}

