/** How a visit's host reads on paper and on the handover sheet: unit, then company or name. */
export const hostLabel = (v: { host_unit_code: string; host_name: string; host_company: string }) =>
  [v.host_unit_code, v.host_company || v.host_name].filter(Boolean).join(' ');
