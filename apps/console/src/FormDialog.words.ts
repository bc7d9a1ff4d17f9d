/** The words of every acting dialog (FormDialog). */
export const words = {
  zh: { submit: '提交', cancel: '取消', done: '已提交', refused: '未被接受' },
  en: { submit: 'Submit', cancel: 'Cancel', done: 'Submitted', refused: 'Refused' },
};
