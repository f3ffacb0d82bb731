import { describe, expect, it } from 'vitest'
import { parseSafeExternalUrl } from './external-url'

describe('links allowed to leave the app', () => {
  it('accepts web sites, online-meeting links, mail addresses and phone numbers', () => {
    for (const url of [
      'https://www.augu.kr/',
      'http://hanbit.co.kr/about',
      'https://zoom.us/j/123456789?pwd=abc',
      'mailto:kim@hanbit.co.kr',
      'mailto:kim@hanbit.co.kr,lee@hanbit.co.kr',
      'tel:010-4827-3391',
      'tel:+82-2-555-1234',
    ]) {
      expect(parseSafeExternalUrl(url)?.toString(), url).toBeDefined()
    }
  })

  it('refuses programs, files, credentials and mail or phone links carrying anything else', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'ms-msdt:/id',
      'https://u:p@x.kr/',
      'mailto:kim@hanbit.co.kr?attach=/etc/passwd',
      'mailto:not-an-address',
      'mailto:%E0%A4%A',
      'tel:call-me',
      'tel:010-1234-5678?x=1',
      'not a url',
    ]) {
      expect(parseSafeExternalUrl(url), url).toBeNull()
    }
  })
})
