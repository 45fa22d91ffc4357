// Every sentence a health check can say (finding or action), in English and Russian, by a stable key.
// The core builds each finding from a key and its values ({{name}} placeholders: paths, numbers,
// URLs, system error text) and sends both the English rendering (`finding`, `action`) and the key
// with its values (`findingMessage`, `actionMessage`); the dashboard renders the key in the
// operator's language. One template per language for the same key keeps the two in step: the
// placeholders of `en` and `ru` must be the same set (checked when compiling and by a test).
//
// A value may also be a list of messages (a probe's answer inside a finding, a webhook's problems,
// a tunnel's hints): each is rendered in the same language and the list is joined with a space.
// Isomorphic and pure: imported by the core (src/health) and by the renderer.

export type HealthLang = 'en' | 'ru';

/** A value for a placeholder: text or a number as is, or messages rendered in the same language. */
export type HealthMessageParam = string | number | readonly HealthMessage[];
export type HealthMessageParams = Readonly<Record<string, HealthMessageParam>>;

/** A catalogue key and its values: what the core sends beside the English text. */
export interface HealthMessage {
  readonly key: string;
  readonly params: HealthMessageParams;
}

export const HEALTH_MESSAGES = {
  // ----- building blocks ------------------------------------------------------------------------
  /** Text from outside FarmHook's catalogue (a system error, a cloudflared log line), shown as is. */
  text: { en: '{{text}}', ru: '{{text}}' },
  /** Several messages one after another (a list param renders them joined with a space). */
  list: { en: '{{items}}', ru: '{{items}}' },
  'time.ago.now': { en: 'less than a minute ago', ru: 'меньше минуты назад' },
  'time.ago.minutes': { en: '{{minutes}} min ago', ru: '{{minutes}} мин назад' },
  'time.ago.hours': { en: '{{hours}} h ago', ru: '{{hours}} ч назад' },
  'time.ago.days': { en: '{{days}} days ago', ru: '{{days}} дн. назад' },
  'time.duration.seconds': { en: '{{seconds}} s', ru: '{{seconds}} с' },
  'time.duration.minutes': { en: '{{minutes}} min', ru: '{{minutes}} мин' },
  'time.duration.hours': { en: '{{hours}} h {{minutes}} min', ru: '{{hours}} ч {{minutes}} мин' },
  'time.duration.days': { en: '{{days}} days', ru: '{{days}} дн.' },

  // ----- receiver.listening, receiver.secret ----------------------------------------------------
  'receiver.listening.ok': { en: 'Listening on {{host}}:{{port}}.', ru: 'Приёмник слушает {{host}}:{{port}}.' },
  'receiver.listening.not_listening': { en: 'Not listening on {{host}}:{{port}}.', ru: 'Приёмник не слушает {{host}}:{{port}}.' },
  'receiver.listening.action': {
    en: 'Free the port or choose another one, then restart FarmHook.',
    ru: 'Освободите порт или выберите другой, затем перезапустите FarmHook.',
  },
  'receiver.secret.ok': { en: 'Deliveries must carry the webhook secret.', ru: 'Принимаются только события с секретом вебхука.' },
  'receiver.secret.missing': {
    en: 'No webhook secret is set: anyone who can reach the port can post events.',
    ru: 'Секрет вебхука не задан: любой, кто может подключиться к порту, может отправлять события.',
  },
  'receiver.secret.action': {
    en: 'Set a secret (--secret, FARMHOOK_SECRET or config.json) and the same one in SimplyPrint.',
    ru: 'Задайте секрет (--secret, FARMHOOK_SECRET или config.json) и укажите тот же секрет в SimplyPrint.',
  },

  // ----- storage.writable, storage.disk, database.integrity -------------------------------------
  'storage.writable.ok': { en: 'FarmHook can write to {{dir}}.', ru: 'Папка данных {{dir}} доступна FarmHook для записи.' },
  'storage.writable.failed': { en: 'Cannot write to {{dir}}: {{error}}.', ru: 'Не удаётся записать в {{dir}}: {{error}}.' },
  'storage.writable.action': {
    en: 'Check the folder permissions and that the disk is mounted read-write.',
    ru: 'Проверьте права доступа к папке и что диск не смонтирован только для чтения.',
  },
  'storage.disk.free': { en: '{{free}} GiB free ({{percent}}%) on the data disk.', ru: 'Свободно {{free}} ГиБ ({{percent}}%) на диске с данными.' },
  'storage.disk.full_action': {
    en: 'Free disk space now: new deliveries cannot be stored once the disk is full.',
    ru: 'Срочно освободите место на диске: когда диск заполнится, новые события не будут сохраняться.',
  },
  'storage.disk.low_action': { en: 'Free some disk space or delete old events.', ru: 'Освободите место на диске или удалите старые события.' },
  'storage.disk.unknown': { en: 'Could not read free space: {{error}}.', ru: 'Не удалось узнать свободное место на диске: {{error}}.' },
  'database.integrity.ok': { en: 'The database passed its integrity check.', ru: 'База данных прошла проверку целостности.' },
  'database.integrity.failed': {
    en: 'The database integrity check failed: {{result}}.',
    ru: 'Проверка целостности базы данных не пройдена: {{result}}.',
  },
  'database.integrity.action': {
    en: 'Stop FarmHook, back up the data folder and contact support.',
    ru: 'Остановите FarmHook, сделайте резервную копию папки данных и обратитесь в поддержку.',
  },

  // ----- deliveries.last, deliveries.gaps -------------------------------------------------------
  'deliveries.last.none': { en: 'Nothing has been received yet.', ru: 'Пока ничего не получено.' },
  'deliveries.last.none_action': {
    en: "Point SimplyPrint's webhook at this receiver and press Test.",
    ru: 'Направьте вебхук SimplyPrint на этот приёмник и нажмите Test.',
  },
  'deliveries.last.at': { en: 'Last delivery {{ago}} ({{at}}).', ru: 'Последнее событие получено {{ago}} ({{at}}).' },
  'deliveries.gaps.none': { en: 'FarmHook has not been stopped in the last 7 days.', ru: 'За последние 7 дней FarmHook не останавливался.' },
  'deliveries.gaps.found': {
    en: 'FarmHook was not running {{count}} time(s) in the last 7 days; the latest for {{latest}} ({{from}} to {{to}}), the longest {{longest}}.',
    ru: 'Перерывов в работе FarmHook за последние 7 дней: {{count}}; самый долгий — {{longest}}, последний — {{latest}} (с {{from}} по {{to}}).',
  },
  'deliveries.gaps.found_unclean': {
    en: 'FarmHook was not running {{count}} time(s) in the last 7 days; the latest for {{latest}} ({{from}} to {{to}}, it had crashed or was killed), the longest {{longest}}.',
    ru: 'Перерывов в работе FarmHook за последние 7 дней: {{count}}; самый долгий — {{longest}}, последний — {{latest}} (с {{from}} по {{to}}; FarmHook аварийно завершился или был принудительно остановлен).',
  },
  'deliveries.gaps.action': {
    en: 'Events SimplyPrint sent during a gap were probably lost: check the printers in the SimplyPrint panel, and keep FarmHook starting with the PC.',
    ru: 'События, отправленные SimplyPrint во время перерыва, скорее всего, потеряны: проверьте принтеры в панели SimplyPrint и настройте запуск FarmHook вместе с ПК.',
  },

  // ----- checks that could not run --------------------------------------------------------------
  'health.source_failed': { en: 'Some checks could not run: {{error}}', ru: 'Часть проверок не удалось выполнить: {{error}}' },
  'setup.error': { en: 'A check failed: {{error}}', ru: 'Проверка завершилась ошибкой: {{error}}' },

  // ----- receiver.lan ---------------------------------------------------------------------------
  'receiver.lan.loopback_problem': {
    en: 'The receiver listens on this PC only (loopback), so the router and other devices cannot reach it.',
    ru: 'Приёмник доступен только с этого ПК (loopback), поэтому роутер и другие устройства не могут до него достучаться.',
  },
  'receiver.lan.loopback_action': {
    en: 'In setup, let the receiver listen on the local network, then restart FarmHook.',
    ru: 'В настройке разрешите приёмнику слушать локальную сеть, затем перезапустите FarmHook.',
  },
  'receiver.lan.loopback_ok': {
    en: 'The receiver listens on this PC only, as a tunnel on this PC needs.',
    ru: 'Приёмник доступен только с этого ПК — так и нужно для туннеля на этом ПК.',
  },
  'receiver.lan.no_address': { en: 'This PC has no network address other than loopback.', ru: 'У этого ПК нет сетевого адреса, кроме loopback.' },
  'receiver.lan.no_address_action': { en: 'Connect the PC to the network.', ru: 'Подключите ПК к сети.' },
  'receiver.lan.ok': { en: 'A probe reached the receiver at {{urls}}.', ru: 'Проверочный запрос дошёл до приёмника: {{urls}}.' },
  'receiver.lan.address_failed': { en: '{{address}}: {{probe}}', ru: '{{address}}: {{probe}}' },
  'receiver.lan.failed_action': {
    en: 'Check that FarmHook listens on all addresses and that nothing else holds the port.',
    ru: 'Проверьте, что FarmHook слушает все адреса и что порт не занят другой программой.',
  },

  // ----- reachability.public --------------------------------------------------------------------
  'reachability.public.lan_only': {
    en: 'Set to "LAN only": only senders on the local network are expected.',
    ru: 'Выбран вариант «Только локальная сеть»: ожидаются только отправители из локальной сети.',
  },
  'reachability.public.no_url_action': {
    en: 'Run the setup wizard\u2019s "How SimplyPrint reaches this PC" step.',
    ru: 'Пройдите шаг мастера настройки «Как SimplyPrint попадёт на этот ПК».',
  },
  'reachability.public.ok': {
    en: 'A probe to {{url}} reached FarmHook in {{ms}} ms.',
    ru: 'Проверочный запрос на {{url}} дошёл до FarmHook за {{ms}} мс.',
  },
  'reachability.public.ok_warnings': {
    en: 'A probe to {{url}} reached FarmHook in {{ms}} ms. But: {{warnings}}',
    ru: 'Проверочный запрос на {{url}} дошёл до FarmHook за {{ms}} мс. Но: {{warnings}}',
  },
  'reachability.public.failed': { en: '{{url}}: {{probe}}', ru: '{{url}}: {{probe}}' },

  // ----- why there is no public webhook URL (setup room) ----------------------------------------
  'public_url.none.lan_only': {
    en: 'FarmHook is set to "LAN only": SimplyPrint\u2019s servers on the internet cannot reach it.',
    ru: 'В FarmHook выбран вариант «Только локальная сеть»: серверы SimplyPrint в интернете не могут до него достучаться.',
  },
  'public_url.none.cloudflare': {
    en: 'The Cloudflare tunnel has no URL yet (not running or still starting).',
    ru: 'У туннеля Cloudflare пока нет адреса (он не запущен или ещё запускается).',
  },
  'public_url.none.ngrok': { en: 'No ngrok tunnel to this receiver was found.', ru: 'Туннель ngrok к этому приёмнику не найден.' },
  'public_url.none.unset': {
    en: 'No public address is set: choose how SimplyPrint reaches this PC in the setup wizard.',
    ru: 'Публичный адрес не задан: выберите в мастере настройки, как SimplyPrint попадёт на этот ПК.',
  },

  // ----- URL warnings (src/shared/webhook-url.ts) -----------------------------------------------
  'url_warning.not_web_address': {
    en: 'This is not a web address: it must start with http:// or https://.',
    ru: 'Это не веб-адрес: он должен начинаться с http:// или https://.',
  },
  'url_warning.not_http': { en: 'The address must start with http:// or https://.', ru: 'Адрес должен начинаться с http:// или https://.' },
  'url_warning.chat_service': {
    en: 'This looks like a Discord, Slack or Teams webhook: SimplyPrint would send that chat format there, not to FarmHook. Use FarmHook\u2019s own URL and forward to chat from FarmHook.',
    ru: 'Похоже на вебхук Discord, Slack или Teams: SimplyPrint отправит туда сообщения в формате чата, а не в FarmHook. Укажите собственный URL FarmHook, а пересылку в чат настройте в FarmHook.',
  },
  'url_warning.loopback': {
    en: 'This address means "this computer" to whoever uses it: SimplyPrint\u2019s servers would be talking to themselves.',
    ru: 'Этот адрес означает «этот компьютер» для любого, кто к нему обращается: серверы SimplyPrint обращались бы сами к себе.',
  },
  'url_warning.private_address': {
    en: 'This is a local-network address: SimplyPrint\u2019s servers are on the internet and cannot reach it. Use a port forward with a public name, or a tunnel.',
    ru: 'Это адрес локальной сети: серверы SimplyPrint находятся в интернете и не могут до него достучаться. Используйте проброс порта с публичным именем или туннель.',
  },
  'url_warning.admin_port': {
    en: 'Port {{port}} is FarmHook\u2019s dashboard, which only this PC can use. Webhooks go to the receiver port.',
    ru: 'Порт {{port}} — это панель FarmHook, доступная только с этого ПК. Вебхуки нужно направлять на порт приёмника.',
  },
  'url_warning.path_differs': {
    en: 'FarmHook receives webhooks at {{path}}; this address has another path.',
    ru: 'FarmHook принимает вебхуки по пути {{path}}, а у этого адреса другой путь.',
  },

  // ----- reachability probes (src/health/probe.ts) ----------------------------------------------
  'probe.reached': { en: 'Reached this FarmHook in {{ms}} ms.', ru: 'Запрос дошёл до этого FarmHook за {{ms}} мс.' },
  'probe.answer_lost': {
    en: 'The probe arrived, but its answer was lost on the way back ({{detail}}).',
    ru: 'Проверочный запрос дошёл, но ответ потерялся на обратном пути ({{detail}}).',
  },
  'probe.no_answer': { en: 'no answer', ru: 'нет ответа' },
  'probe.fetch_failed': { en: '{{title}} ({{detail}}). {{advice}}', ru: '{{title}} ({{detail}}). {{advice}}' },
  'probe.arrived_http_error': {
    en: 'The probe arrived, but the answer came back as HTTP {{status}}.',
    ru: 'Проверочный запрос дошёл, но ответ вернулся с кодом HTTP {{status}}.',
  },
  'probe.redirect': {
    en: 'The address redirects to {{location}}; SimplyPrint needs the final address. {{advice}}',
    ru: 'Адрес перенаправляет на {{location}}; SimplyPrint нужен конечный адрес. {{advice}}',
  },
  'probe.redirect_unknown': {
    en: 'The address redirects to another address; SimplyPrint needs the final address. {{advice}}',
    ru: 'Адрес перенаправляет на другой адрес; SimplyPrint нужен конечный адрес. {{advice}}',
  },
  'probe.other_farmhook': {
    en: 'Another FarmHook answered (not this one): the port forward or proxy points at a different PC.',
    ru: 'Ответил другой FarmHook (не этот): проброс порта или прокси ведёт на другой ПК.',
  },
  'probe.http_error': { en: 'HTTP {{status}}. {{advice}}', ru: 'HTTP {{status}}. {{advice}}' },
  'probe.wrong_service': { en: 'HTTP {{status}} from {{server}}. {{advice}}', ru: 'HTTP {{status}} от {{server}}. {{advice}}' },
  'probe.wrong_service_unknown': {
    en: 'HTTP {{status}} from an unknown server. {{advice}}',
    ru: 'HTTP {{status}} от неизвестного сервера. {{advice}}',
  },
  'probe.title.dns': { en: 'The name does not resolve', ru: 'Имя не разрешается в адрес' },
  'probe.title.refused': { en: 'Connection refused', ru: 'В подключении отказано' },
  'probe.title.timeout': { en: 'No answer in time', ru: 'Нет ответа за отведённое время' },
  'probe.title.tls': { en: 'HTTPS handshake failed', ru: 'Сбой HTTPS-рукопожатия' },
  'probe.title.wrong_service': { en: 'The wrong service answered', ru: 'Ответил не тот сервис' },
  'probe.title.http': { en: 'HTTP error', ru: 'Ошибка HTTP' },
  'probe.title.invalid_url': { en: 'Invalid address', ru: 'Неверный адрес' },
  'probe.title.network': { en: 'Network error', ru: 'Сетевая ошибка' },
  'probe.advice.dns': {
    en: 'The name does not resolve: check the spelling, that the DDNS name is updated, or (for a new tunnel URL) wait a few seconds and try again.',
    ru: 'Имя не разрешается в адрес: проверьте написание и что DDNS-имя обновлено, а для нового адреса туннеля подождите несколько секунд и попробуйте снова.',
  },
  'probe.advice.refused': {
    en: 'Nothing accepts connections there: the port is closed, the router does not forward it to this PC, or the tunnel/proxy is not running.',
    ru: 'Там никто не принимает подключения: порт закрыт, роутер не пробрасывает его на этот ПК или туннель/прокси не запущен.',
  },
  'probe.advice.timeout': {
    en: 'No answer in time: a firewall probably drops the traffic, or the router forwards the port to another device.',
    ru: 'Ответ не пришёл вовремя: вероятно, брандмауэр отбрасывает трафик или роутер пробрасывает порт на другое устройство.',
  },
  'probe.advice.tls': {
    en: 'The HTTPS handshake failed: the certificate is invalid for this name, or the address speaks plain HTTP (use http://).',
    ru: 'Сбой HTTPS-рукопожатия: сертификат не подходит для этого имени или по адресу работает обычный HTTP (используйте http://).',
  },
  'probe.advice.wrong_service': {
    en: 'Something answered, but not this FarmHook: the port forward or proxy points at another program or device.',
    ru: 'Ответил кто-то, но не этот FarmHook: проброс порта или прокси ведёт на другую программу или устройство.',
  },
  'probe.advice.http_4xx': {
    en: 'An error page came back instead of FarmHook: the proxy or tunnel does not pass this path to FarmHook, or it needs a login.',
    ru: 'Вместо FarmHook вернулась страница ошибки: прокси или туннель не передаёт этот путь в FarmHook или требует входа.',
  },
  'probe.advice.http_5xx': {
    en: 'The proxy or tunnel answered with an error: it is up but cannot reach FarmHook (wrong local port, or FarmHook listens on another address).',
    ru: 'Прокси или туннель ответил ошибкой: он работает, но не может достучаться до FarmHook (неверный локальный порт или FarmHook слушает другой адрес).',
  },
  'probe.advice.invalid_url': { en: 'This is not an http:// or https:// address.', ru: 'Это не адрес http:// или https://.' },
  'probe.advice.network': {
    en: 'The connection failed on the way (reset or unreachable network).',
    ru: 'Соединение оборвалось по пути (сброс соединения или сеть недоступна).',
  },

  // ----- reachability.tunnel --------------------------------------------------------------------
  'reachability.tunnel.verified': {
    en: 'Up at {{url}}, and a probe through it reached FarmHook.',
    ru: 'Туннель работает ({{url}}), проверочный запрос через него дошёл до FarmHook.',
  },
  'reachability.tunnel.connected': { en: 'Connected at {{url}}.', ru: 'Туннель подключён: {{url}}.' },
  'reachability.tunnel.starting': { en: 'Starting.', ru: 'Туннель запускается.' },
  'reachability.tunnel.starting_url': { en: 'Starting ({{url}}).', ru: 'Туннель запускается ({{url}}).' },
  'reachability.tunnel.degraded': {
    en: '{{url}} has lost its connection to the edge.',
    ru: 'Туннель {{url}} потерял связь с сетью Cloudflare.',
  },
  'reachability.tunnel.degraded_error': {
    en: '{{url}} has lost its connection to the edge: {{error}}.',
    ru: 'Туннель {{url}} потерял связь с сетью Cloudflare: {{error}}.',
  },
  'reachability.tunnel.degraded_no_url': { en: 'The tunnel has lost its connection to the edge.', ru: 'Туннель потерял связь с сетью Cloudflare.' },
  'reachability.tunnel.degraded_no_url_error': {
    en: 'The tunnel has lost its connection to the edge: {{error}}.',
    ru: 'Туннель потерял связь с сетью Cloudflare: {{error}}.',
  },
  'reachability.tunnel.failed': { en: 'The tunnel failed.', ru: 'Сбой туннеля.' },
  'reachability.tunnel.stopped': {
    en: 'The tunnel is not running, so SimplyPrint cannot reach FarmHook.',
    ru: 'Туннель не запущен, поэтому SimplyPrint не может достучаться до FarmHook.',
  },
  'reachability.tunnel.stopped_action': { en: 'Start it in setup.', ru: 'Запустите его в настройке.' },

  // ----- tunnel errors and hints (src/health/tunnels) -------------------------------------------
  'tunnel.cloudflared.start_failed': { en: 'cloudflared could not be started: {{error}}', ru: 'Не удалось запустить cloudflared: {{error}}' },
  'tunnel.cloudflared.not_installed': {
    en: 'cloudflared was not found at "{{binary}}". Install it from Cloudflare (developers.cloudflare.com, "Downloads") or set its path in the settings.',
    ru: 'cloudflared не найден по пути «{{binary}}». Установите его с сайта Cloudflare (developers.cloudflare.com, раздел «Downloads») или укажите путь к нему в настройках.',
  },
  'tunnel.cloudflared.exited_code': { en: 'cloudflared exited (code {{code}})', ru: 'cloudflared завершился (код {{code}})' },
  'tunnel.cloudflared.exited_code_line': { en: 'cloudflared exited (code {{code}}): {{line}}', ru: 'cloudflared завершился (код {{code}}): {{line}}' },
  'tunnel.cloudflared.exited_signal': { en: 'cloudflared exited ({{signal}})', ru: 'cloudflared завершился ({{signal}})' },
  'tunnel.cloudflared.exited_signal_line': { en: 'cloudflared exited ({{signal}}): {{line}}', ru: 'cloudflared завершился ({{signal}}): {{line}}' },
  'tunnel.cloudflared.exited_hint': {
    en: 'cloudflared stopped; FarmHook starts it again. A quick tunnel gets a new URL each time, so SimplyPrint must be updated.',
    ru: 'cloudflared остановился; FarmHook запускает его снова. Быстрый туннель каждый раз получает новый адрес, поэтому адрес в SimplyPrint нужно обновить.',
  },
  'tunnel.cloudflared.rate_limited': {
    en: 'Cloudflare refused a new quick tunnel (429 Too Many Requests): too many were requested from this network recently. FarmHook retries with growing pauses; if it persists, use a named tunnel or a port forward.',
    ru: 'Cloudflare отказал в новом быстром туннеле (429 Too Many Requests): из этой сети недавно запросили слишком много туннелей. FarmHook повторяет попытки с растущими паузами; если это не проходит, используйте именованный туннель или проброс порта.',
  },
  'tunnel.cloudflared.udp_blocked': {
    en: 'cloudflared cannot reach Cloudflare over QUIC (UDP port 7844 is blocked or dropped), so FarmHook runs it with --protocol http2 (TCP). Allowing outbound UDP 7844 in the firewall also fixes it.',
    ru: 'cloudflared не может подключиться к Cloudflare по QUIC (UDP-порт 7844 заблокирован или пакеты отбрасываются), поэтому FarmHook запускает его с --protocol http2 (TCP). Также помогает разрешить исходящий UDP 7844 в брандмауэре.',
  },
  'tunnel.cloudflared.url_changed': {
    en: "The tunnel's URL changed to {{url}}: SimplyPrint's webhook must point at the new URL.",
    ru: 'Адрес туннеля сменился на {{url}}: вебхук SimplyPrint нужно направить на новый адрес.',
  },
  'tunnel.cloudflared.not_verified': {
    en: 'The tunnel is up but a probe through it did not reach FarmHook: {{probe}}',
    ru: 'Туннель работает, но проверочный запрос через него не дошёл до FarmHook: {{probe}}',
  },
  'tunnel.cloudflared.no_connection': {
    en: 'cloudflared reports no connection to Cloudflare right now.',
    ru: 'cloudflared сообщает, что сейчас нет связи с Cloudflare.',
  },
  'tunnel.ngrok.not_verified': {
    en: 'ngrok is up but a probe through it did not reach FarmHook: {{probe}}',
    ru: 'ngrok работает, но проверочный запрос через него не дошёл до FarmHook: {{probe}}',
  },
  'tunnel.ngrok.no_agent': { en: 'No ngrok agent answers at {{url}}.', ru: 'Агент ngrok не отвечает по адресу {{url}}.' },
  'tunnel.ngrok.start_agent': {
    en: 'Start ngrok on this PC: `ngrok http {{port}}` (after `ngrok config add-authtoken <token>`).',
    ru: 'Запустите ngrok на этом ПК: `ngrok http {{port}}` (сначала выполните `ngrok config add-authtoken <token>`).',
  },
  'tunnel.ngrok.no_matching_tunnel': {
    en: 'ngrok runs, but none of its tunnels forwards to port {{port}}.',
    ru: 'ngrok работает, но ни один из его туннелей не ведёт на порт {{port}}.',
  },
  'tunnel.ngrok.wrong_port': {
    en: "Run `ngrok http {{port}}` (the receiver's port), not another port.",
    ru: 'Запустите `ngrok http {{port}}` (порт приёмника), а не с другим портом.',
  },
  'tunnel.ngrok.url_changed': {
    en: "ngrok's URL changed to {{url}}: SimplyPrint's webhook must point at the new URL.",
    ru: 'Адрес ngrok сменился на {{url}}: вебхук SimplyPrint нужно направить на новый адрес.',
  },

  // ----- simplyprint.webhook --------------------------------------------------------------------
  'simplyprint.webhook.no_api_key': {
    en: 'FarmHook has no SimplyPrint API key, so it cannot see the webhook\u2019s configuration.',
    ru: 'У FarmHook нет API-ключа SimplyPrint, поэтому он не видит настройки вебхука.',
  },
  'simplyprint.webhook.no_api_key_action': {
    en: 'Add an API key in setup, or compare the URL and secret in the SimplyPrint panel yourself.',
    ru: 'Добавьте API-ключ в настройке или сверьте URL и секрет в панели SimplyPrint вручную.',
  },
  'simplyprint.webhook.ok': {
    en: 'Webhook {{id}} points at {{url}}, is enabled, has the same secret and the events needed.',
    ru: 'Вебхук {{id}} направлен на {{url}}, включён, секрет совпадает, нужные события выбраны.',
  },
  'simplyprint.webhook.fix_action': {
    en: 'Press "Update the webhook" in the setup wizard (or POST /api/v1/setup/simplyprint/webhook) to correct it through the API.',
    ru: 'Нажмите «Обновить вебхук» в мастере настройки (или отправьте POST /api/v1/setup/simplyprint/webhook), чтобы исправить его через API.',
  },
  'simplyprint.webhook.problem.no_api_key': {
    en: 'No SimplyPrint API key is set, so FarmHook cannot look at the webhook: check it in the SimplyPrint panel (Settings → Webhooks).',
    ru: 'API-ключ SimplyPrint не задан, поэтому FarmHook не может проверить вебхук: проверьте его в панели SimplyPrint (Settings → Webhooks).',
  },
  'simplyprint.webhook.problem.api_failed': { en: 'SimplyPrint could not be asked: {{error}}', ru: 'Не удалось обратиться к SimplyPrint: {{error}}' },
  'simplyprint.webhook.problem.unexpected': {
    en: 'The check failed unexpectedly; see the log.',
    ru: 'Проверка неожиданно завершилась ошибкой; подробности в журнале.',
  },
  'simplyprint.webhook.problem.missing': {
    en: 'SimplyPrint has no webhook pointing at FarmHook, so nothing will be delivered.',
    ru: 'В SimplyPrint нет вебхука, направленного на FarmHook, поэтому ничего не будет доставлено.',
  },
  'simplyprint.webhook.problem.wrong_url': {
    en: 'SimplyPrint delivers to {{current}}, but FarmHook is reachable at {{expected}} now.',
    ru: 'SimplyPrint отправляет события на {{current}}, а FarmHook сейчас доступен по адресу {{expected}}.',
  },
  'simplyprint.webhook.problem.disabled': {
    en: 'The webhook is switched off in SimplyPrint, so it sends nothing.',
    ru: 'Вебхук выключен в SimplyPrint и ничего не отправляет.',
  },
  'simplyprint.webhook.problem.secret_unexpected': {
    en: 'The webhook sends a secret, but FarmHook has none set (deliveries are accepted without checking).',
    ru: 'Вебхук отправляет секрет, но в FarmHook секрет не задан (события принимаются без проверки).',
  },
  'simplyprint.webhook.problem.secret_missing': {
    en: 'The webhook sends no secret, so FarmHook refuses its deliveries.',
    ru: 'Вебхук не отправляет секрет, поэтому FarmHook отклоняет его события.',
  },
  'simplyprint.webhook.problem.secret_differs': {
    en: 'The webhook sends a different secret than FarmHook expects, so FarmHook refuses its deliveries.',
    ru: 'Вебхук отправляет не тот секрет, который ожидает FarmHook, поэтому FarmHook отклоняет его события.',
  },
  'simplyprint.webhook.problem.events_missing': {
    en: 'The webhook does not subscribe to {{count}} event(s) FarmHook needs: {{events}}.',
    ru: 'Вебхук не подписан на нужные FarmHook события ({{count}}): {{events}}.',
  },

  // ----- clock.skew -----------------------------------------------------------------------------
  'clock.skew.ahead': {
    en: 'This PC\u2019s clock is {{seconds}} s ahead of SimplyPrint\u2019s.',
    ru: 'Часы этого ПК спешат на {{seconds}} с относительно часов SimplyPrint.',
  },
  'clock.skew.behind': {
    en: 'This PC\u2019s clock is {{seconds}} s behind SimplyPrint\u2019s.',
    ru: 'Часы этого ПК отстают от часов SimplyPrint на {{seconds}} с.',
  },
  'clock.skew.sync_action': {
    en: 'Turn on automatic time synchronisation: times in the log and alerts are otherwise off.',
    ru: 'Включите автоматическую синхронизацию времени, иначе время в журнале и оповещениях будет неверным.',
  },
  'clock.skew.not_enough': {
    en: 'Not enough to compare with yet (no API key and few deliveries).',
    ru: 'Пока не с чем сравнить (нет API-ключа и мало событий).',
  },
  'clock.skew.future': {
    en: 'Deliveries arrive stamped {{seconds}} s in the future: this PC\u2019s clock is behind.',
    ru: 'События приходят с отметкой времени на {{seconds}} с в будущем: часы этого ПК отстают.',
  },
  'clock.skew.sync_action_short': { en: 'Turn on automatic time synchronisation.', ru: 'Включите автоматическую синхронизацию времени.' },
  'clock.skew.lag_ok': {
    en: 'Deliveries arrive {{seconds}} s or more after SimplyPrint stamps them.',
    ru: 'События приходят не раньше чем через {{seconds}} с после отметки времени SimplyPrint.',
  },
} as const satisfies Record<string, { readonly en: string; readonly ru: string }>;

export type HealthMessageKey = keyof typeof HEALTH_MESSAGES;

/** The placeholder names in a template: `'Cannot write to {{dir}}: {{error}}.'` gives `'dir' | 'error'`. */
export type Placeholders<S extends string> = S extends `${string}{{${infer Name}}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** The values a key needs: exactly its placeholders. */
export type HealthMessageParamsOf<K extends HealthMessageKey> = { readonly [P in Placeholders<(typeof HEALTH_MESSAGES)[K]['en']>]: HealthMessageParam };

// Parity by construction: a Russian template with other placeholders than its English one fails here.
type PlaceholderMismatch = {
  [K in HealthMessageKey]: [Placeholders<(typeof HEALTH_MESSAGES)[K]['en']>] extends [Placeholders<(typeof HEALTH_MESSAGES)[K]['ru']>]
    ? [Placeholders<(typeof HEALTH_MESSAGES)[K]['ru']>] extends [Placeholders<(typeof HEALTH_MESSAGES)[K]['en']>]
      ? never
      : K
    : K;
}[HealthMessageKey];
const placeholdersMatch: [PlaceholderMismatch] extends [never] ? true : PlaceholderMismatch = true;
void placeholdersMatch;

export function isHealthMessageKey(key: string): key is HealthMessageKey {
  return Object.prototype.hasOwnProperty.call(HEALTH_MESSAGES, key);
}

/** A message for the core to send: the key and exactly the values its template needs. */
export function healthMessage<K extends HealthMessageKey>(
  key: K,
  ...params: keyof HealthMessageParamsOf<K> extends never ? [params?: HealthMessageParamsOf<K>] : [params: HealthMessageParamsOf<K>]
): HealthMessage {
  return { key, params: params[0] ?? {} };
}

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/**
 * The template of `key` in `lang` with each `{{name}}` replaced by its value; a list value renders
 * its messages in the same language, joined with a space. Unknown placeholders stay visible as
 * `{{name}}`; an unknown key renders as the key itself. Values are inserted once (text that
 * happens to contain `{{x}}` is not substituted again).
 */
export function renderHealthMessage(key: HealthMessageKey | (string & {}), params: HealthMessageParams, lang: HealthLang): string {
  const template = isHealthMessageKey(key) ? HEALTH_MESSAGES[key][lang] : key;
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(params, name)) return whole;
    const value: unknown = params[name];
    if (Array.isArray(value)) return (value as readonly HealthMessage[]).map((message) => renderHealthMessage(message.key, message.params, lang)).join(' ');
    // As a template literal would (a value that is not a string or number only reaches here untyped).
    return String(value);
  });
}

/** Every key a message uses, its own and those of the messages in its values. */
export function healthMessageKeys(message: HealthMessage): string[] {
  const nested = Object.values(message.params).flatMap((value) => (Array.isArray(value) ? (value as readonly HealthMessage[]).flatMap(healthMessageKeys) : []));
  return [message.key, ...nested];
}

/**
 * The message in `lang`, or null when it is absent or uses a key this catalogue does not know (a
 * newer core than this dashboard): the caller then shows the core's English text.
 */
export function localiseHealthMessage(message: HealthMessage | null | undefined, lang: HealthLang): string | null {
  if (!message || !healthMessageKeys(message).every(isHealthMessageKey)) return null;
  return renderHealthMessage(message.key, message.params, lang);
}

/** The English rendering: what `finding`, `action` and the other plain-text fields carry. */
export const englishOf = (message: HealthMessage): string => renderHealthMessage(message.key, message.params, 'en');
