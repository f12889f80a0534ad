import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { uploadMedia, useSendMessage, useTyping, type Conversation } from '../api/inbox';
import { QuickReplyTextArea } from '../../quickreplies';
import { TemplatePicker } from './TemplatePicker';

type Upload = Awaited<ReturnType<typeof uploadMedia>> & { preview?: string };

/**
 * Free text and media while the customer's 24-hour window is open; once it has closed, WhatsApp
 * takes only approved templates, so the composer offers them with a form for their parameters.
 */
export function Composer({ conversation }: { conversation: Conversation }) {
  const { t } = useI18n();
  const send = useSendMessage(conversation.id);
  const typing = useTyping(conversation.id);
  const [text, setText] = useState('');
  const [upload, setUpload] = useState<Upload>();
  const [uploadError, setUploadError] = useState<unknown>();
  const [useTemplate, setUseTemplate] = useState(false);
  const clearUpload = () => {
    if (upload?.preview) URL.revokeObjectURL(upload.preview);
    setUpload(undefined);
  };
  if (!conversation.windowOpen || useTemplate)
    return (
      <div className="composer">
        <TemplatePicker send={send} />
        {conversation.windowOpen && (
          <Button variant="ghost" onClick={() => setUseTemplate(false)}>
            {t('inbox.writeText')}
          </Button>
        )}
      </div>
    );
  const pick = async (file: File | undefined) => {
    setUploadError(undefined);
    if (!file) return;
    try {
      const stored = await uploadMedia(file);
      setUpload({
        ...stored,
        preview: file.type.startsWith('image/') ? URL.createObjectURL(file) : undefined,
      });
    } catch (error) {
      setUploadError(error);
    }
  };
  return (
    <form
      className="composer stack"
      onSubmit={(e) => {
        e.preventDefault();
        const body = upload
          ? {
              media: {
                id: upload.id,
                type: upload.type,
                caption: text || undefined,
                filename: upload.filename ?? undefined,
              },
            }
          : { text };
        send.mutate(body, {
          onSuccess: () => {
            setText('');
            clearUpload();
          },
        });
      }}
    >
      <QuickReplyTextArea
        label={upload ? t('inbox.caption') : t('inbox.reply')}
        rows={3}
        required={!upload}
        value={text}
        onText={(next) => {
          setText(next);
          typing();
        }}
      />
      {upload && (
        <div className="upload">
          {upload.preview ? (
            <img src={upload.preview} alt={t('inbox.attachmentPreview')} className="media" />
          ) : (
            <span>{upload.filename}</span>
          )}
          <Button variant="ghost" onClick={clearUpload}>
            {t('inbox.removeAttachment')}
          </Button>
        </div>
      )}
      <ErrorAlert error={send.error ?? uploadError} />
      <div className="actions">
        <Button type="submit" variant="primary" disabled={send.isPending}>
          {t('inbox.send')}
        </Button>
        <label className="btn btn-secondary file-button">
          {t('inbox.attach')}
          <input
            type="file"
            className="visually-hidden"
            accept="image/*,video/mp4,audio/*,application/pdf"
            onChange={(e) => void pick(e.target.files?.[0])}
          />
        </label>
        <Button variant="ghost" onClick={() => setUseTemplate(true)}>
          {t('inbox.useTemplate')}
        </Button>
      </div>
    </form>
  );
}
