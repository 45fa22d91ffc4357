// SimplyPrint's webhook event catalogue: 62 events plus `test`, as SimplyPrint's backend names them.
// Copied from the team's SimplyPrint notes (events.json) into the shape the code uses; SimplyPrint adds
// events over time, so anything not listed here is still stored, under the category `other`.

export const EVENT_CATEGORIES = [
  'job',
  'printer',
  'company',
  'queue',
  'filament',
  'balance',
  'quota',
  'maintenance',
  'test',
  'other',
] as const;

export type EventCategory = (typeof EVENT_CATEGORIES)[number];

export interface Label {
  en: string;
  ru: string;
}

export interface CatalogueEntry {
  event: string;
  category: EventCategory;
  label: Label;
  /** Keys known to appear under `data`; null where SimplyPrint does not document them. */
  dataKeys: readonly string[] | null;
}

export const CATALOGUE: readonly CatalogueEntry[] = [
  { event: 'job.started', category: 'job', label: { en: "Print started", ru: "Печать начата" }, dataKeys: ['job', 'user', 'started_by'] },
  { event: 'job.paused', category: 'job', label: { en: "Print paused", ru: "Печать приостановлена" }, dataKeys: ['job'] },
  { event: 'job.resumed', category: 'job', label: { en: "Print resumed", ru: "Печать возобновлена" }, dataKeys: ['job'] },
  { event: 'job.cancelled', category: 'job', label: { en: "Print cancelled", ru: "Печать отменена" }, dataKeys: ['job', 'user'] },
  { event: 'job.done', category: 'job', label: { en: "Print finished", ru: "Печать завершена" }, dataKeys: ['job'] },
  { event: 'job.failed', category: 'job', label: { en: "Print failed", ru: "Печать не удалась" }, dataKeys: ['job'] },
  { event: 'job.bed_cleared', category: 'job', label: { en: "Bed cleared", ru: "Стол очищен" }, dataKeys: null },
  { event: 'job.objects_skipped', category: 'job', label: { en: "Objects skipped", ru: "Объекты пропущены" }, dataKeys: null },
  { event: 'printer.autoprint_state_changed', category: 'printer', label: { en: "AutoPrint state changed", ru: "Изменён режим AutoPrint" }, dataKeys: null },
  { event: 'printer.nozzle_size_changed', category: 'printer', label: { en: "Nozzle size changed", ru: "Изменён диаметр сопла" }, dataKeys: null },
  { event: 'printer.material_changed', category: 'printer', label: { en: "Material changed", ru: "Изменён материал" }, dataKeys: null },
  { event: 'printer.custom_tag_assigned', category: 'printer', label: { en: "Custom tag assigned", ru: "Назначен тег" }, dataKeys: null },
  { event: 'printer.custom_tag_detached', category: 'printer', label: { en: "Custom tag removed", ru: "Тег снят" }, dataKeys: null },
  { event: 'printer.out_of_order_state_changed', category: 'printer', label: { en: "Out-of-order state changed", ru: "Изменён статус «не работает»" }, dataKeys: null },
  { event: 'printer.ai_state_changed', category: 'printer', label: { en: "AI detection settings changed", ru: "Изменены настройки ИИ-контроля" }, dataKeys: null },
  { event: 'printer.ai_failure_detected', category: 'printer', label: { en: "AI detected a failure", ru: "ИИ обнаружил сбой" }, dataKeys: ['job', 'image', 'failures'] },
  { event: 'printer.ai_failure_false_positive', category: 'printer', label: { en: "AI false positive", ru: "Ложное срабатывание ИИ" }, dataKeys: null },
  { event: 'printer.autoprint_max_cycles', category: 'printer', label: { en: "AutoPrint cycle limit reached", ru: "Достигнут лимит циклов AutoPrint" }, dataKeys: null },
  { event: 'company.autoprint_state_changed', category: 'company', label: { en: "Farm-wide AutoPrint changed", ru: "Изменён AutoPrint фермы" }, dataKeys: null },
  { event: 'organization.user_signup', category: 'company', label: { en: "User signed up", ru: "Новый пользователь" }, dataKeys: null },
  { event: 'organization.user_pending', category: 'company', label: { en: "User awaiting approval", ru: "Пользователь ждёт подтверждения" }, dataKeys: null },
  { event: 'queue.add_item', category: 'queue', label: { en: "Queue item added", ru: "Добавлено в очередь" }, dataKeys: ['queue_item', 'user'] },
  { event: 'queue.delete_item', category: 'queue', label: { en: "Queue item removed", ru: "Удалено из очереди" }, dataKeys: ['queue_item', 'user'] },
  { event: 'queue.empty_queue', category: 'queue', label: { en: "Queue emptied", ru: "Очередь очищена" }, dataKeys: ['user', 'group'] },
  { event: 'queue.move_item', category: 'queue', label: { en: "Queue item moved", ru: "Перемещено в очереди" }, dataKeys: ['queue_item', 'user'] },
  { event: 'queue.revive_item', category: 'queue', label: { en: "Queue item revived", ru: "Возвращено в очередь" }, dataKeys: null },
  { event: 'queue.item_pending_approval', category: 'queue', label: { en: "Queue item awaits approval", ru: "Ожидает одобрения" }, dataKeys: ['queue_item', 'user'] },
  { event: 'queue.item_approved', category: 'queue', label: { en: "Queue item approved", ru: "Одобрено" }, dataKeys: ['queue_item', 'approved_by'] },
  { event: 'queue.item_denied', category: 'queue', label: { en: "Queue item denied", ru: "Отклонено" }, dataKeys: ['queue_item', 'denied_by', 'reason', 'removed'] },
  { event: 'filament.create', category: 'filament', label: { en: "Spool created", ru: "Катушка создана" }, dataKeys: null },
  { event: 'filament.update', category: 'filament', label: { en: "Spool updated", ru: "Катушка изменена" }, dataKeys: null },
  { event: 'filament.delete', category: 'filament', label: { en: "Spool deleted", ru: "Катушка удалена" }, dataKeys: null },
  { event: 'filament.assigned', category: 'filament', label: { en: "Spool assigned to printer", ru: "Катушка установлена" }, dataKeys: ['filament', 'printer', 'user', 'replaced_spool'] },
  { event: 'filament.unassigned', category: 'filament', label: { en: "Spool removed from printer", ru: "Катушка снята" }, dataKeys: ['filament', 'printer', 'user'] },
  { event: 'balance.charged', category: 'balance', label: { en: "Balance charged", ru: "Списание с баланса" }, dataKeys: null },
  { event: 'balance.refunded', category: 'balance', label: { en: "Balance refunded", ru: "Возврат на баланс" }, dataKeys: null },
  { event: 'balance.topped_up', category: 'balance', label: { en: "Balance topped up", ru: "Пополнение баланса" }, dataKeys: null },
  { event: 'balance.adjusted', category: 'balance', label: { en: "Balance adjusted", ru: "Корректировка баланса" }, dataKeys: null },
  { event: 'quota.request_new', category: 'quota', label: { en: "Quota request", ru: "Запрос квоты" }, dataKeys: null },
  { event: 'quota.request_resolved', category: 'quota', label: { en: "Quota request resolved", ru: "Запрос квоты решён" }, dataKeys: null },
  { event: 'quota.adjusted', category: 'quota', label: { en: "Quota adjusted", ru: "Квота изменена" }, dataKeys: null },
  { event: 'quota.reset', category: 'quota', label: { en: "Quota reset", ru: "Квота сброшена" }, dataKeys: null },
  { event: 'maintenance.job_created', category: 'maintenance', label: { en: "Maintenance job created", ru: "Создано обслуживание" }, dataKeys: null },
  { event: 'maintenance.job_updated', category: 'maintenance', label: { en: "Maintenance job updated", ru: "Обслуживание изменено" }, dataKeys: null },
  { event: 'maintenance.job_started', category: 'maintenance', label: { en: "Maintenance started", ru: "Обслуживание начато" }, dataKeys: null },
  { event: 'maintenance.job_completed', category: 'maintenance', label: { en: "Maintenance completed", ru: "Обслуживание завершено" }, dataKeys: null },
  { event: 'maintenance.job_cancelled', category: 'maintenance', label: { en: "Maintenance cancelled", ru: "Обслуживание отменено" }, dataKeys: null },
  { event: 'maintenance.job_reopened', category: 'maintenance', label: { en: "Maintenance reopened", ru: "Обслуживание открыто снова" }, dataKeys: null },
  { event: 'maintenance.job_overdue', category: 'maintenance', label: { en: "Maintenance overdue", ru: "Обслуживание просрочено" }, dataKeys: ['job', 'printer', 'scheduled_date'] },
  { event: 'maintenance.job_deleted', category: 'maintenance', label: { en: "Maintenance deleted", ru: "Обслуживание удалено" }, dataKeys: null },
  { event: 'maintenance.problem_reported', category: 'maintenance', label: { en: "Problem reported", ru: "Сообщено о проблеме" }, dataKeys: ['problem', 'printer', 'user'] },
  { event: 'maintenance.problem_resolved', category: 'maintenance', label: { en: "Problem resolved", ru: "Проблема решена" }, dataKeys: null },
  { event: 'maintenance.low_stock', category: 'maintenance', label: { en: "Spare part low stock", ru: "Мало запчастей" }, dataKeys: null },
  { event: 'maintenance.task_completed', category: 'maintenance', label: { en: "Maintenance task completed", ru: "Задача обслуживания выполнена" }, dataKeys: null },
  { event: 'maintenance.task_skipped', category: 'maintenance', label: { en: "Maintenance task skipped", ru: "Задача обслуживания пропущена" }, dataKeys: null },
  { event: 'maintenance.schedule_created', category: 'maintenance', label: { en: "Maintenance schedule created", ru: "Создан график обслуживания" }, dataKeys: null },
  { event: 'maintenance.schedule_updated', category: 'maintenance', label: { en: "Maintenance schedule updated", ru: "Изменён график обслуживания" }, dataKeys: null },
  { event: 'maintenance.schedule_deleted', category: 'maintenance', label: { en: "Maintenance schedule deleted", ru: "Удалён график обслуживания" }, dataKeys: null },
  { event: 'maintenance.spare_part_created', category: 'maintenance', label: { en: "Spare part created", ru: "Добавлена запчасть" }, dataKeys: null },
  { event: 'maintenance.spare_part_updated', category: 'maintenance', label: { en: "Spare part updated", ru: "Изменена запчасть" }, dataKeys: null },
  { event: 'maintenance.spare_part_deleted', category: 'maintenance', label: { en: "Spare part deleted", ru: "Удалена запчасть" }, dataKeys: null },
  { event: 'maintenance.stock_adjusted', category: 'maintenance', label: { en: "Stock adjusted", ru: "Изменён остаток" }, dataKeys: null },
  { event: 'test', category: 'test', label: { en: "Test delivery", ru: "Тестовая доставка" }, dataKeys: null },
];

/**
 * Names used by older third-party receivers and earlier FarmHook documents. SimplyPrint does not send
 * them; when one arrives it is stored as sent and linked to the SimplyPrint event it stands for (null:
 * no SimplyPrint equivalent).
 */
export const LEGACY_NAMES: Readonly<Record<string, string | null>> = {
  'job.finished': 'job.done',
  'job.completed': 'job.done',
  'queue.changed': null,
  'queue.item_added': 'queue.add_item',
  'queue.item_deleted': 'queue.delete_item',
  'queue.item_moved': 'queue.move_item',
  'queue.empty': 'queue.empty_queue',
  'printer.online': null,
  'printer.offline': null,
  'printer.state_changed': null,
  'file.created': null,
  'file.deleted': null,
};

/** Headers SimplyPrint may carry the webhook secret in (sources disagree; both are accepted). */
export const SECRET_HEADERS = ['x-sp-secret', 'x-sp-token'] as const;
