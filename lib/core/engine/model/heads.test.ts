import { describe, expect, it } from 'vitest';
import { MAX_CHARS, prepare } from './features';
import { gateOpen, namesTraining } from './heads';

const names = (s: string) => namesTraining(prepare(s));

describe('the AI head opens only where a sentence names training', () => {
  it.each([
    'We may use what you write to train our language models.',
    'Your recordings help us fine-tune our speech recognition models.',
    'We use your feedback to improve our AI models.',
    'Our algorithms are developed and refined with anonymised usage data.',
    'The data is used for machine learning purposes.',
    'Your answers help our models become more accurate.',
    "Nous utilisons vos messages pour l'entraînement de nos modèles.",
    'Vos données peuvent servir à former nos modèles d’IA.',
    'Wir verwenden Ihre Eingaben, um unsere KI-Modelle zu trainieren.',
    'Utilizamos sus datos para entrenar nuestros modelos.',
    'How we use your data: to improve our AI models.',
    "We use it to improve the model's accuracy.",
    'Content is kept for AI-training purposes.',
    'We improve our products (e.g. machine learning models) with it.',
    'Over time our models improve with the corrections you make.',
    'The AI development team uses aggregated usage data.',
    'Wir verwenden Ihre Daten, um unsere KI-Systeme zu optimieren.',
    'Our models, which we improve with your content, power the assistant.',
    'We use your feedback to make the AI models we develop better.',
    'AI features that we continuously improve using your conversations.',
    'Your recordings serve for staff training and for training our AI models.',
    'We have staff training our AI models on your conversations with the assistant.',
  ])('"%s" names training', (s) => {
    expect(names(s)).toBe(true);
    // The first gate opens on it too, whatever its language: the two gates are one door.
    expect(gateOpen('ai-training', prepare(s))).toBe(true);
  });

  it.each([
    'We use AI to answer your support questions faster.',
    'Our assistant is an AI-powered feature that summarises your documents.',
    'We offer code review recommendations through machine learning.',
    'We think carefully about AI. Learn more about our values.',
    'Our pricing model is described on the plans page.',
    'We use advanced AI models to detect fraud.',
    'Our optimized algorithms rank your search results.',
    'Our AI learns. Get better results with Pro.',
    "Le refus peut entraîner l'impossibilité d'utiliser nos fonctionnalités d'IA.",
    'We use artificial intelligence tools to improve your search experience.',
    "Nous intégrons des fonctionnalités d'intelligence artificielle afin d'améliorer votre expérience.",
    'We use AI so that we improve your experience.',
    'Our AI features bring improvements to your experience.',
    'With AI, we improve how you search.',
    'Our AI assistant sorts your questions, and the recordings serve for staff training.',
    'Chats with our AI agent are reviewed for employee training and quality assurance.',
    'Our AI assistant helps; its recordings are used for training our staff.',
    'Our AI assistant helps; its recordings are used for the training of employees.',
  ])('"%s" only uses a model', (s) => {
    expect(names(s)).toBe(false);
  });

  it('closes the AI head but leaves the other heads to their own gates', () => {
    const s = prepare('We use AI to answer your support questions and share them with our vendors.');
    expect(gateOpen('ai-training', s)).toBe(false);
    expect(gateOpen('third-party-sharing', s)).toBe(true);
  });

  it('opens the sharing gate on a word for handing over or another party in the languages the cues hold', () => {
    expect(gateOpen('third-party-sharing', prepare('Ihre Daten können an Dritte übermittelt werden.'))).toBe(true);
    expect(gateOpen('third-party-sharing', prepare('Podemos divulgar su información.'))).toBe(true);
    expect(gateOpen('third-party-sharing', prepare('Wir speichern Ihre Daten nur so lange wie nötig.'))).toBe(false);
  });

  it('reads a bounded head of a huge sentence: what lies past MAX_CHARS is never read', () => {
    expect(names(`${'filler '.repeat(10)}we train our models on it.`)).toBe(true);
    expect(names(`${'filler '.repeat(MAX_CHARS)}we train our models on it.`)).toBe(false);
  });
});
