// What a technician sees when they open the webhook URL in a browser to check it: proof that the URL
// reaches FarmHook, and what SimplyPrint will do with it. Nothing about the farm is shown here.
const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function landingPage(path: string, secretRequired: boolean): string {
  const secretEn = secretRequired
    ? 'Deliveries must carry the webhook secret in the X-SP-Secret (or X-SP-Token) header.'
    : 'No webhook secret is configured yet: any sender is accepted.';
  const secretRu = secretRequired
    ? 'Запросы должны содержать секрет вебхука в заголовке X-SP-Secret (или X-SP-Token).'
    : 'Секрет вебхука пока не задан: принимаются запросы от любого отправителя.';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>FarmHook receiver</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1d2430}
code{background:#eef1f5;padding:.1rem .3rem;border-radius:.25rem}h1{font-size:1.4rem}
@media (prefers-color-scheme:dark){body{background:#12161c;color:#e4e8ee}code{background:#222a35}}</style></head>
<body>
<h1>✅ This URL reaches a FarmHook receiver</h1>
<p>It accepts SimplyPrint webhooks as HTTP <strong>POST</strong> requests with a JSON body. Opening it in a
browser sends a GET, so nothing is stored: use this exact URL in SimplyPrint → Settings → Webhooks.</p>
<p>Webhook path: <code>${escapeHtml(path)}</code></p>
<p>${escapeHtml(secretEn)}</p>
<hr>
<h1 lang="ru">✅ Этот адрес ведёт к приёмнику FarmHook</h1>
<p lang="ru">Он принимает вебхуки SimplyPrint как HTTP-запросы <strong>POST</strong> с телом JSON. Браузер
отправляет GET, поэтому ничего не сохраняется: укажите этот адрес в SimplyPrint → Settings → Webhooks.</p>
<p lang="ru">${escapeHtml(secretRu)}</p>
</body></html>
`;
}
