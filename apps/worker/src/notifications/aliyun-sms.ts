import { createHmac, randomUUID } from 'node:crypto';
import type { SmsConfig } from '../../../../libs/config';
import type { Channel, Message } from './channels';

type AliyunConfig = Extract<SmsConfig, { provider: 'aliyun' }>;

/** RFC 3986 percent-encoding, as Alibaba Cloud's RPC signature requires (`!'()*` encoded too). */
const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Alibaba Cloud SMS (阿里云短信服务, `SendSms`, API version 2017-05-25), signed with the access key
 * (RPC signature, HMAC-SHA1). China's SMS providers send only approved templates: SMS_TEMPLATE_CODE
 * names one whose single variable `${text}` carries the notification's text.
 */
export class AliyunSms implements Channel {
  readonly name = 'aliyun-sms';

  constructor(private readonly cfg: AliyunConfig) {}

  /** The signed query string for one message (exported for the test of the signature). */
  signedQuery(phone: string, text: string, now = new Date(), nonce = randomUUID()): string {
    const params: Record<string, string> = {
      AccessKeyId: this.cfg.accessKeyId,
      Action: 'SendSms',
      Format: 'JSON',
      PhoneNumbers: phone,
      RegionId: 'cn-hangzhou',
      SignName: this.cfg.signName,
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: nonce,
      SignatureVersion: '1.0',
      TemplateCode: this.cfg.templateCode,
      TemplateParam: JSON.stringify({ text }),
      Timestamp: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      Version: '2017-05-25',
    };
    const canonical = Object.keys(params)
      .sort()
      .map((k) => `${enc(k)}=${enc(params[k])}`)
      .join('&');
    const signature = createHmac('sha1', `${this.cfg.accessKeySecret}&`)
      .update(`GET&${enc('/')}&${enc(canonical)}`)
      .digest('base64');
    return `Signature=${enc(signature)}&${canonical}`;
  }

  async send(m: Message): Promise<void> {
    if (!m.contact) throw new Error('no mobile number to text');
    const res = await fetch(`${this.cfg.apiBase}/?${this.signedQuery(m.contact, m.text)}`, { signal: AbortSignal.timeout(this.cfg.timeoutMs) });
    const body = (await res.json().catch(() => ({}))) as { Code?: string; Message?: string };
    // The provider's code says why (isv.BUSINESS_LIMIT_CONTROL, isv.MOBILE_NUMBER_ILLEGAL…); its message never carries the key.
    if (!res.ok || body.Code !== 'OK') throw new Error(`Aliyun SMS refused the message: HTTP ${res.status}, ${body.Code ?? 'no code'}`);
  }
}
