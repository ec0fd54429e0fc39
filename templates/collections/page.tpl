{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<nav class="govuk-breadcrumbs" aria-label="Breadcrumb">
<ol class="govuk-breadcrumbs__list">
<li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href="{{COLLECTION_HREF}}">{{COLLECTION_TITLE}}</a></li>
</ol>
</nav>
{{#MINE}}
<div class="govuk-inset-text">This is your page as the people you share this collection with see it. <a class="govuk-link" href="/portfolio/pages/{{PAGE_ID}}">Change the page</a>.</div>
{{/MINE}}
<span class="govuk-caption-l">Page {{NUMBER}} of {{TOTAL}}</span>
<h1 class="govuk-heading-l">{{TITLE}}</h1>
<p class="govuk-body">By {{#OWNER_LINK}}<a class="govuk-link" href="/u/{{USERNAME:u}}">{{OWNER}}</a>{{/OWNER_LINK}}{{#OWNER_PLAIN}}{{OWNER}}{{/OWNER_PLAIN}}, in the collection “{{COLLECTION_TITLE}}”.</p>
{{#DESCRIPTION}}<div class="tandem-richtext">{{DESCRIPTION_HTML:none}}</div>{{/DESCRIPTION}}
{{#EMPTY}}<p class="govuk-body">There is nothing on this page yet.</p>{{/EMPTY}}
{{#BLOCKS}}{{BLOCKS_HTML:none}}{{/BLOCKS}}
{{#COMMENTS_LINK}}<p class="govuk-body"><a class="govuk-link" href="/pages/{{PAGE_ID}}#comments">Comments on this page</a></p>{{/COMMENTS_LINK}}
{{#PAGINATION}}
<nav class="govuk-pagination govuk-pagination--block" aria-label="Pages in this collection">
{{#PREVIOUS}}
<div class="govuk-pagination__prev">
<a class="govuk-link govuk-pagination__link" href="{{HREF}}" rel="prev"><svg class="govuk-pagination__icon govuk-pagination__icon--prev" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13"><path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z"></path></svg><span class="govuk-pagination__link-title">Previous<span class="govuk-visually-hidden"> page</span></span><span class="govuk-visually-hidden">:</span> <span class="govuk-pagination__link-label">{{TITLE}}</span></a>
</div>
{{/PREVIOUS}}
{{#NEXT}}
<div class="govuk-pagination__next">
<a class="govuk-link govuk-pagination__link" href="{{HREF}}" rel="next"><svg class="govuk-pagination__icon govuk-pagination__icon--next" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13"><path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z"></path></svg><span class="govuk-pagination__link-title">Next<span class="govuk-visually-hidden"> page</span></span><span class="govuk-visually-hidden">:</span> <span class="govuk-pagination__link-label">{{TITLE}}</span></a>
</div>
{{/NEXT}}
</nav>
{{/PAGINATION}}
</div>
</div>
