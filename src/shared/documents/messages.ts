import { defineMessages } from '../i18n/messages.js';

/** Why a document could not be turned into PDF (the reason of the PDF_UNAVAILABLE error). */
export const documentsMessages = defineMessages('documents', {
  officeMissing: {
    vi: 'máy chủ chưa cài LibreOffice (lệnh soffice hoặc libreoffice). Hãy tải bản Word (.docx), hoặc nhờ quản trị viên cài gói libreoffice-writer và phông chữ tiếng Việt.',
    en: 'LibreOffice (the soffice or libreoffice command) is not installed on the server. Download the Word file (.docx), or ask the administrator to install libreoffice-writer and fonts with Vietnamese.',
  },
  officeTimeout: {
    vi: 'LibreOffice chuyển đổi quá lâu và đã bị dừng. Hãy thử lại sau, hoặc tải bản Word (.docx).',
    en: 'LibreOffice took too long and was stopped. Try again later, or download the Word file (.docx).',
  },
  officeFailed: {
    vi: 'LibreOffice không chuyển được tệp sang PDF. Hãy tải bản Word (.docx).',
    en: 'LibreOffice could not convert the file to PDF. Download the Word file (.docx).',
  },
});
