import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** A card's heading at level 2, under the page's level-1 title (one outline for screen readers). */
export function CardTitle({ children }: { children: ReactNode }) {
  return (
    <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
      {children}
    </Typography.Title>
  );
}
