/** How a visit's host reads on paper and on the handover sheet: unit, then company or name. */
export const hostLine = (unitCode: string, company: string, name: string) =>
  [unitCode, company || name].filter(Boolean).join(' ');
