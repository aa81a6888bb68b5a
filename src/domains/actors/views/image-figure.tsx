/** An actor's logo or photo with its alt text and the credit visible beneath (DESIGN.md: every image carries both). */
export function ActorImageFigure(props: { image: { url: string; alt: string; credit: string; width?: number | null; height?: number | null }; class?: string }) {
  const { image } = props;
  return (
    <figure class={`qn-figure${props.class ? ` ${props.class}` : ''}`}>
      <img class="qn-figure__image" src={image.url} alt={image.alt} width={image.width ?? undefined} height={image.height ?? undefined} loading="lazy" decoding="async" />
      <figcaption class="qn-figure__credit">{image.credit}</figcaption>
    </figure>
  );
}
