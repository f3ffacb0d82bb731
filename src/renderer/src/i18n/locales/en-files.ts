/** Attachments (issue #19). */
export const enFiles = {
  files: {
    title: 'Files ({{count}})',
    add: 'Add file',
    adding: 'Adding…',
    open: 'Open',
    opening: 'Opening…',
    remove: 'Delete',
    confirmRemove: 'Delete the file "{{name}}"?',
    empty: 'No files attached.',
    saveFirst: 'Save the minutes first to attach files.',
    pin: 'Keep available offline',
    activityFiles: 'Files',
    saved: 'Programs are never opened directly; the file was saved: {{path}}',
    columns: {
      name: 'File name',
      size: 'Size',
      addedBy: 'Added by',
      addedAt: 'Added',
      status: 'Status',
      actions: 'Actions',
    },
    status: {
      local: 'On this PC',
      remote: 'Downloads when opened',
      waiting: 'Uploads when online',
      uploading: 'Uploading {{percent}}%',
      rejected: 'Refused by the server: {{reason}}',
    },
    reasons: {
      too_large: 'the file is too large',
      type_mismatch: 'the content does not match the file type',
      hash_mismatch: 'the file was damaged in transfer',
      bad_name: 'the file name cannot be used',
      rate_limited: 'too many uploads',
      missing_local: 'the file is missing on this PC',
      unknown: 'unknown reason',
    },
    transfers: {
      title: 'File transfers ({{count}})',
      up: 'Uploading {{percent}}%',
      down: 'Downloading {{percent}}%',
    },
    settings: {
      title: 'Offline files',
      budget: 'Files to keep ready offline (MB)',
      hint: 'Files in your scope are downloaded ahead of time up to this size. Files of pinned records are always downloaded.',
      save: 'Save',
      saved: 'Saved.',
      invalid: 'Enter a whole number of MB from 0 to {{max}}. Nothing was changed.',
    },
  },
}

export const enFilesErrors = {
  files: {
    tooLarge: 'The file is too large. Files up to 50 MB can be attached.',
    typeMismatch: 'The file content does not match its file type.',
    notUploadedYet: 'The PC that added this file has not uploaded it yet. It opens once that PC is online.',
    notAvailable: 'This file is not on this PC yet and the server cannot be reached. Open it again when online.',
  },
}
