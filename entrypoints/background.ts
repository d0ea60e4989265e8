export default defineBackground(() => {
  console.log('Clausewatch background started');
});
