import { mergeMessages, type Locale, type Messages } from '#shared/i18n'
import bureauEn from './locales/bureau.en.json'
import bureauZh from './locales/bureau.zh-CN.json'
import consoleEn from './locales/console.en.json'
import consoleZh from './locales/console.zh-CN.json'
import publicEn from './locales/en.json'
import moneyEn from './locales/money.en.json'
import moneyZh from './locales/money.zh-CN.json'
import publicZh from './locales/zh-CN.json'

/**
 * Every message in both languages: the public pages', the accounts' and consoles', the money path's and the
 * bureau's. The server holds them all; a browser gets the few a page shows inside the page, and the rest of
 * its language as one cached file when it first needs them.
 */
export const MESSAGES: Record<Locale, Messages> = {
  'zh-CN': mergeMessages(publicZh, consoleZh, moneyZh, bureauZh),
  'en': mergeMessages(publicEn, consoleEn, moneyEn, bureauEn),
}
