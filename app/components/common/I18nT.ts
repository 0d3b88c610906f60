import { defineComponent, h } from 'vue'
import { messageParts } from '#shared/i18n'
import { useI18n } from '~/composables/useI18n'

/** A message with components in its placeholders: `{start}` is filled by the slot named `start`. */
export default defineComponent({
  name: 'I18nT',
  props: {
    keypath: { type: String, required: true },
    tag: { type: String, default: 'span' },
  },
  setup(props, { slots }) {
    const { t } = useI18n()
    return () => h(props.tag, messageParts(t(props.keypath)).map(part => (typeof part === 'string' ? part : slots[part.slot]?.())))
  },
})
