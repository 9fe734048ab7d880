/**
 * Author text (the Markdown subset of `core/markdown/parse.ts`) as DOM nodes, never as an HTML
 * string, so nothing an author writes can become markup or script. The viewer's panels and the
 * editor's preview both draw with this one function: what an author sees is what a visitor
 * sees.
 */
import { parseMarkdown, type Block, type Inline } from '../../core/markdown/parse.ts';
import { h } from './dom.ts';

export function renderMarkdown(source: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const block of parseMarkdown(source)) fragment.appendChild(renderBlock(block));
  return fragment;
}

function renderBlock(block: Block): HTMLElement {
  if (block.type === 'paragraph') return appendInlines(h('p'), block.children);
  const list = block.ordered
    ? h('ol', { start: block.start === 1 ? undefined : String(block.start) })
    : h('ul');
  for (const item of block.items) list.appendChild(appendInlines(h('li'), item));
  return list;
}

function appendInlines<E extends HTMLElement>(parent: E, inlines: Inline[]): E {
  for (const inline of inlines) {
    switch (inline.type) {
      case 'text':
        parent.append(inline.text);
        break;
      case 'break':
        parent.appendChild(h('br'));
        break;
      case 'link':
        parent.appendChild(
          appendInlines(
            h('a', { href: inline.href, target: '_blank', rel: 'noopener noreferrer' }),
            inline.children,
          ),
        );
        break;
      default:
        parent.appendChild(appendInlines(h(inline.type), inline.children));
    }
  }
  return parent;
}
