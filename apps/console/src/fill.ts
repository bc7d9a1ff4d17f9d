/** A page's words with their `{slot}`s filled: fill('为{name}投票', { name: '张三' }). */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (slot, key: string) => (key in values ? String(values[key]) : slot));
}
