import { tc } from '../i18n';

/** Across the whole page while the crisis shown is an exercise: a band, and a frame. */
export function ExerciseBand() {
  return (
    <>
      <p className="vigie-exercise-band" data-testid="exercise-band">
        <strong>{tc.console.exercise}</strong>
        <span> — {tc.console.exerciseBand} — </span>
        <strong>{tc.console.exercise}</strong>
      </p>
      <div className="vigie-exercise-frame" aria-hidden="true" />
    </>
  );
}
