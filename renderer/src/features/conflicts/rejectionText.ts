// The wording is shared with the HQ console's rejections tab (shared/i18n/rejectionText.ts).
export * from '../../../../shared/i18n/rejectionText';
