/** Words of the public pages' frame and of the parts they share (parts.tsx). */
export const words = {
  zh: { programme: '瓯海区"百名工匠大师"', more: '更多', vote: '网络投票', notice: '社会公示', register: '工匠大师名录' },
  en: { programme: 'Ouhai Master Craftsmen', more: 'More', vote: 'Public vote', notice: 'Public notice', register: 'Register of masters' },
};
