import { Alert, App, Form, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { refusalText } from './api/client';
import { useWords } from './i18n';
import { words } from './FormDialog.words';

/** What the typed client answers: the reply, or the refusal. */
export interface Answer<R> {
  data?: R;
  error?: unknown;
}

/**
 * A dialog that acts: its fields, checked before sending; the API's refusal shown as it says it (its
 * code's text and the message), the dialog staying open to correct it; once accepted, `onDone` gets the reply.
 */
export function FormDialog<V extends object, R>({
  title,
  fields,
  initial,
  send,
  onDone,
  onClose,
  width,
}: {
  title: string;
  fields: ReactNode;
  initial?: Partial<V>;
  send: (values: V) => Promise<Answer<R>>;
  onDone: (reply: R) => void;
  onClose: () => void;
  width?: number;
}) {
  const w = useWords(words);
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return; // the fields say what is wrong
    setBusy(true);
    setRefusal(null);
    const { data, error } = await send(values);
    setBusy(false);
    if (error !== undefined || data === undefined) return setRefusal(refusalText(error));
    void message.success(w.done);
    onDone(data);
  };
  return (
    <Modal open title={title} width={width} okText={w.submit} cancelText={w.cancel} confirmLoading={busy} onOk={() => void submit()} onCancel={onClose}>
      {refusal && <Alert type="error" showIcon role="alert" message={w.refused} description={refusal} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={initial}>
        {fields}
      </Form>
    </Modal>
  );
}
