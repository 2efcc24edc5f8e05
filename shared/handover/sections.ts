/**
 * The handover sheet (交接班记录) is made of sections, each contributed by a feature: the post log
 * gives open pending items and the shift's high-priority entries, visitors give who is still on
 * site and who never came back; mail and fees add theirs when they exist. A section is plain data,
 * frozen into the ShiftClosed event, so the sheet prints what was handed over, not today's state.
 */
export interface HandoverLine {
  /** When it happened (ISO), if it has a time. */
  at: string | null;
  text: string;
  /** Short tag before the text: a unit, a pass number, a category. */
  tag: string;
  /** Who recorded it. */
  by: string;
  high: boolean;
}

export interface HandoverSection {
  /** Names the section's title in print labels and the renderer's i18n (`handover.section.<key>`). */
  key: string;
  lines: HandoverLine[];
}
