import type { ComponentChildren } from 'preact';

/** Small building blocks for the long text pages (KERN classes in one place). */
export function P(props: { children: ComponentChildren }) {
  return <p class="kern-body">{props.children}</p>;
}

export function H2(props: { id?: string; children: ComponentChildren }) {
  return (
    <h2 class="kern-heading-medium" id={props.id}>
      {props.children}
    </h2>
  );
}

export function H3(props: { id?: string; children: ComponentChildren }) {
  return (
    <h3 class="kern-heading-small" id={props.id}>
      {props.children}
    </h3>
  );
}

export function Bullets(props: { children: ComponentChildren }) {
  return <ul class="kern-list kern-list--bullet">{props.children}</ul>;
}

export function Link(props: { href: string; children: ComponentChildren; hreflang?: string }) {
  return (
    <a class="kern-link" href={props.href} hrefLang={props.hreflang}>
      {props.children}
    </a>
  );
}
