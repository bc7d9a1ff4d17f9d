export const words = {
  zh: { programme: '瓯海区"百名工匠大师"' },
  en: { programme: 'Ouhai Master Craftsmen' },
};
