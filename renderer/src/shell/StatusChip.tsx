import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { statusLabels, type AppointmentStatus } from '../../../preload/contract/appointmentStatus';

export function StatusChip({ status }: { status: AppointmentStatus }) {
  const { i18n } = useTranslation();
  const l = statusLabels[status];
  return (
    <Badge color={l.color} variant="light" data-status={status}>
      {i18n.language === 'en' ? l.en : l.tr}
    </Badge>
  );
}
