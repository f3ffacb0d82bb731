/** File attachments: the rules the server and the device share (issue #19, docs/sync-protocol.md § Files). */
export * from './limits'
export * from './file-name'
export * from './signature'
