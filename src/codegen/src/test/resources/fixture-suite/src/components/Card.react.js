import React from 'react';
import PropTypes from 'prop-types';

/**
 * A card with a `header` and a list of items.
 * Use <Card> for anything & everything.
 */
const Card = ({n_clicks = 0, children, header, items}) => (
    <div>
        {header}
        {items.map(item => item.label)}
        {children}
    </div>
);

Card.propTypes = {
    /** The class of the card's outer element (dbc's name for className). */
    class_name: PropTypes.string,

    /** The id of the card. */
    id: PropTypes.string,

    /** What the card holds. */
    children: PropTypes.node,

    /**
     * The number of clicks so far.
     * Counts from 0 & never goes down.
     */
    n_clicks: PropTypes.number,

    /** A component shown above the items. */
    header: PropTypes.node,

    /** The items, each with a label that may be a component. */
    items: PropTypes.arrayOf(
        PropTypes.shape({
            /** The item's label. */
            label: PropTypes.node,
            /** The item's value. */
            value: PropTypes.string,
        })
    ),

    /**
     * The title.
     * @see somewhere
     */
    title: PropTypes.string.isRequired,

    /** The card's kind. */
    type: PropTypes.oneOf(['plain', 'fancy']),

    /** Whether the card is the default one. */
    default: PropTypes.bool,

    /** A width in pixels or a CSS length. */
    size: PropTypes.oneOfType([PropTypes.string, PropTypes.number]),

    /** Called on a click; cannot come from a server. */
    onClick: PropTypes.func,

    /** Dash-assigned callback that should be called to report property changes. */
    setProps: PropTypes.func,

    /** Inline CSS. */
    style: PropTypes.object,
};

Card.defaultProps = {
    type: 'plain',
};

export default Card;
