{{%AUTOESCAPE context="HTML"}}
<figure class="tandem-chart">
<svg class="tandem-chart__svg" viewBox="0 0 580 {{HEIGHT}}" role="img" aria-labelledby="chart-{{CHART_ID}}-title" focusable="false">
<title id="chart-{{CHART_ID}}-title">Bar chart of the scores, from {{MIN}} to {{MAX}}: the table below gives the same figures.</title>
{{#BAR}}<text x="0" y="{{TEXT_Y}}" class="tandem-chart__label">{{ITEM}}</text><rect x="270" y="{{Y}}" width="{{WIDTH}}" height="22" class="tandem-chart__bar"></rect><text x="{{SCORE_X}}" y="{{TEXT_Y}}" class="tandem-chart__score">{{SCORE}}</text>
{{/BAR}}
</svg>
<table class="govuk-table tandem-chart__table">
<caption class="govuk-table__caption govuk-table__caption--s">Scores (from {{MIN}} to {{MAX}})</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Scale</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Score</th></tr></thead>
<tbody class="govuk-table__body">
{{#ROW}}<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">{{ITEM}}</th><td class="govuk-table__cell govuk-table__cell--numeric">{{SCORE}}</td></tr>
{{/ROW}}
</tbody>
</table>
</figure>
