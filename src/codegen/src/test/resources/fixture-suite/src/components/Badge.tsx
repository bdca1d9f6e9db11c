import React from 'react';
import {BadgeProps} from '../types';

/**
 * A small badge with a count.
 */
export default function Badge({shape = 'round', count}: BadgeProps) {
    return <span className={shape}>{count}</span>;
}
