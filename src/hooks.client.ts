import { registerClientLocaleStrategy } from '$lib/i18n/client-strategy';

// Before any component renders, so the first message call already resolves the page's language.
registerClientLocaleStrategy();
