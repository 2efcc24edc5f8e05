/** Chinese licence plates: province character, letter, 5 (fuel) or 6 (new-energy) characters. */
const PLATE =
  /^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领][A-Z][A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂学警港澳]$/;

export function normalizePlate(raw: string): string {
  return raw.replace(/[\s·.-]/g, '').toUpperCase();
}

export function plateProblem(raw: string): string | null {
  const p = normalizePlate(raw);
  if (p.length === 0) return null;
  // Foreign or special plates exist; accept any plain alphanumeric of sensible length too.
  if (PLATE.test(p) || /^[A-Z0-9]{4,10}$/.test(p)) return null;
  return 'err.plate.format';
}
