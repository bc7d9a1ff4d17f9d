/**
 * Sub-districts, towns and the development zone of Ouhai, each with its trade union (镇街/开发区总工会).
 * A sub-district union's token carries one of these as its `area`.
 */
export const AREAS = [
  'jingshan', // 景山街道
  'xinqiao', // 新桥街道
  'louqiao', // 娄桥街道
  'panqiao', // 潘桥街道
  'nanbaixiang', // 南白象街道
  'wutian', // 梧田街道
  'chashan', // 茶山街道
  'sanyang', // 三垟街道
  'liao', // 丽岙街道
  'xianyan', // 仙岩街道
  'quxi', // 瞿溪街道
  'guoxi', // 郭溪街道
  'zeya', // 泽雅镇
  'development_zone', // 瓯海经济开发区
] as const;
export type Area = (typeof AREAS)[number];
