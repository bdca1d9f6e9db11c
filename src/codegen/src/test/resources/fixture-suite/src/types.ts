import React from 'react';
import {DashComponent} from '@dash-renderer/types';

export type Tab = {
    /** The tab's title, a component. */
    title: DashComponent;
};

export interface BadgeProps {
    /** The badge's label, a component or a text. */
    label?: string | React.ReactNode;
    /** How many. */
    count: number;
    /** The badge's outline. */
    shape?: 'round' | 'square';
    /** Tabs by key. */
    tabs?: Record<string, Tab>;
    /** Called by Dash. */
    setProps: (props: Partial<BadgeProps>) => void;
}
