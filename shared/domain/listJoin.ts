/**
 * Joins a list the way the language writes one: 张三、李四 in Chinese (the enumeration comma), "Zhang San,
 * Li Si" in English. Screens pass the desk's language; printouts their print language.
 */
export function joinList(items: readonly string[], lang: string): string {
  return items.join(lang.startsWith('zh') ? '、' : ', ');
}
