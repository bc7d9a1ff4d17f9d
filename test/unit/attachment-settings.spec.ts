import { ConfigError } from '../../libs/config';
import { DEFAULT_ATTACHMENT_MAX_BYTES, loadAttachmentSettings } from '../../apps/api/src/attachments/attachment-settings';

describe('attachment settings', () => {
  it('defaults the size limit to 10 MiB', () => {
    expect(DEFAULT_ATTACHMENT_MAX_BYTES).toBe(10 * 1024 * 1024);
    expect(loadAttachmentSettings({})).toEqual({ maxBytes: 10 * 1024 * 1024 });
    expect(loadAttachmentSettings({ ATTACHMENT_MAX_BYTES: '' })).toEqual({ maxBytes: 10 * 1024 * 1024 });
  });

  it('reads ATTACHMENT_MAX_BYTES', () => {
    expect(loadAttachmentSettings({ ATTACHMENT_MAX_BYTES: '2048' })).toEqual({ maxBytes: 2048 });
  });

  it.each(['0', '-1', '1.5', '10MB', String(2 ** 31)])('refuses ATTACHMENT_MAX_BYTES=%s at boot', (raw) => {
    expect(() => loadAttachmentSettings({ ATTACHMENT_MAX_BYTES: raw })).toThrow(ConfigError);
    expect(() => loadAttachmentSettings({ ATTACHMENT_MAX_BYTES: raw })).toThrow(/ATTACHMENT_MAX_BYTES must be an integer/);
  });
});
