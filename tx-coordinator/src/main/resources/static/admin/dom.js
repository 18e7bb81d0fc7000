/**
 * Builds elements from data without innerHTML, so that an id, a reason or a note from the server can never
 * become markup. h('a', {href: '#/', 'data-testid': 'x'}, 'text', child) -> <a href="#/" data-testid="x">.
 * A prop whose value is null, undefined or false is left out; one named on... is an event listener.
 */
export function h(tag, props = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(props ?? {})) {
        if (value === undefined || value === null || value === false) {
            continue;
        }
        if (name === 'class') {
            element.className = value;
        } else if (name.startsWith('on')) {
            element.addEventListener(name.slice(2), value);
        } else {
            element.setAttribute(name, value === true ? '' : String(value));
        }
    }
    return fill(element, children, { replace: false });
}

/** Replaces an element's children; null, undefined and false are left out (the DOM would write "null"). */
export function fill(element, children, { replace = true } = {}) {
    const nodes = [children].flat(Infinity)
        .filter(child => child !== null && child !== undefined && child !== false)
        .map(child => (child instanceof Node ? child : String(child)));
    if (replace) {
        element.replaceChildren(...nodes);
    } else {
        element.append(...nodes);
    }
    return element;
}

/**
 * Calls fn at most once per wait milliseconds, at the end of the wait, however often it is asked to: a burst of
 * events becomes one re-fetch.
 */
export function coalesce(fn, wait) {
    let timer = null;
    const call = () => {
        if (timer === null) {
            timer = setTimeout(() => {
                timer = null;
                fn();
            }, wait);
        }
    };
    call.cancel = () => {
        clearTimeout(timer);
        timer = null;
    };
    return call;
}
